//! The contract's default bounds on strings and parameters: what the finishing pass
//! (`contract.rs`) writes into the document and what its examples (`examples.rs`) cite,
//! in a file of their own so that neither imports the other.

/// The longest string any field carries when its type states no tighter bound: the
/// default `server.max_body_bytes`, so no string that arrived in a request body can be
/// longer, and what the service writes itself is shorter.
pub const STRING_MAX: usize = 262_144;

/// The longest value of a query, path or header parameter whose type states no tighter
/// bound: well inside the request line and header sizes the server reads
/// (`server.max_header_bytes`), so a value the contract admits is answered, never cut off
/// with a bare 431.
pub const PARAMETER_MAX: usize = 1_024;
