//! The life of a permit to attract foreign labour (Art. 33, 9(5)): applied for by the
//! employer, decided by the akimat of every region it names, paid to each region's budget,
//! active until it ends by expiry, revocation, return or an unpaid fee.

pub mod checks;
pub mod decision;
pub mod ground;
pub mod lifecycle;
pub mod number;
pub mod trips;

pub use decision::{decision_overdue, may_decide, may_supervise, RegionDecision};
pub use ground::{EndGround, OwnGround, ParentEnd};
pub use lifecycle::{
    departure_owed, restored_with_parent, transition, valid_on, PermitEvent, PermitKind,
    PermitState, Stay,
};
