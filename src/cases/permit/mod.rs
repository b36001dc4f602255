//! The permit case's read side (Art. 33): one permit as a reader sees it ([`view`]) and
//! the listings ([`list`]), plain data below both edges. The commands are in
//! `cases::permits`.

pub mod list;
pub mod view;

pub use list::{Listing, OverdueDeparture, Summary};
pub use view::{Permit, Reader, Reading};
