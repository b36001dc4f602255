//! The permit case (Art. 33, 9(5), 28(2)(8)): one file per command of the permit's state
//! machine ([`crate::domain::permit::transition`]), the loaded case in [`record`], the
//! checks of Art. 33 in `checks`, the steps the commands share in `steps`, and the read
//! side ([`view`], [`list`]). Each command loads the case once, lets `access` decide on its
//! regions and employer, applies the pure rule, writes with a compare-and-set on the
//! case's state and version, moves quota only through the typed ledger, and records an
//! audit event with its legal basis.

mod apply;
mod checks;
mod decide;
mod departure;
mod extend;
mod lapse;
pub mod list;
mod pay;
pub mod record;
mod reissue;
pub(crate) mod steps;
mod supervise;
mod trip;
pub mod view;

pub use apply::{apply, withdraw, Apply};
pub use checks::WorkerInput;
pub use decide::{decide, Decide, Decided, Decision};
pub use departure::{record_departure, Departure};
pub use extend::{extend, Extend};
pub use lapse::{lapse_due, lapse_if_due, lapse_overdue};
pub use list::{Listing, OverdueDeparture, Summary};
pub use pay::{pay, Pay};
pub use record::{load, load_full, Access, Loaded};
pub use reissue::{reissue, report_replacement, HiredCitizen, Reissue};
pub(crate) use steps::{audit_in, claim_country, record_in};
pub use steps::{system_actor, Today};
pub use supervise::{supervise, Supervision};
pub use trip::{report_trip, Trip};
pub use view::{Permit, Reader, Reading};
