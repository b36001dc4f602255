//! Pre-trial complaints against the service's acts (APPK No. 350-VI, Art. 91-92, 99-100): one
//! command per step, each owning the transaction it is given (load → rule → conditional
//! write → audit on the complaint and in the history of the permit, certificate or ICT
//! permit whose act it contests).

mod annul;
pub mod decide;
pub mod desk;
pub mod file;
pub mod file_case;
pub mod forward;
pub mod list;
pub mod read;
pub mod reconsider;
pub mod reinstate;
pub mod view;

pub use crate::db::complaints::CaseLink;
pub use decide::{decide, Decide, Outcome};
pub use file::{file, File};
pub use file_case::{file_case, FileCase};
pub use forward::forward;
pub use list::{statistics, Counts, StatisticsRow};
pub use read::{list, officials, one, Complaint, QueueOf, Scope};
pub use reconsider::reconsider;
pub use reinstate::reinstate;
pub use view::{load, Detail};
