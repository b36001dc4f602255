//! A report as a table of stable columns, written as CSV (RFC 4180, UTF-8) or as an XLSX
//! workbook of one sheet: the exports of the ministry's statistics (Art. 36, 37(4)).

/// A cell of a tabular export.
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Int(i64),
}

/// A text cell.
pub fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// An optional count: empty when absent.
pub fn opt(v: Option<i64>) -> Cell {
    v.map_or(text(""), Cell::Int)
}

/// A report as a table: stable column names and rows.
pub struct Table {
    /// The XLSX sheet's name.
    pub sheet: &'static str,
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<Cell>>,
}

/// A report that has a tabular form.
pub trait Tabular {
    fn table(&self) -> Table;
}

/// A table that could not be written; the edge logs it and answers 500.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("CSV export failed: {0}")]
    Csv(String),
    #[error("XLSX export failed: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The table as CSV: a header row of the column names, then one row per line.
pub fn csv(table: &Table) -> Result<Vec<u8>, ExportError> {
    let fail = |e: &dyn std::fmt::Display| ExportError::Csv(e.to_string());
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(table.columns).map_err(|e| fail(&e))?;
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(s) => s.clone(),
                Cell::Int(n) => n.to_string(),
            })
            .collect();
        w.write_record(&cells).map_err(|e| fail(&e))?;
    }
    w.into_inner().map_err(|e| fail(&e))
}

/// The table as an XLSX workbook of one sheet, the column names in its first row.
pub fn xlsx(table: &Table) -> Result<Vec<u8>, ExportError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(table.sheet)?;
    for (c, name) in (0u16..).zip(table.columns) {
        sheet.write_string(0, c, *name)?;
    }
    for (r, row) in (1u32..).zip(&table.rows) {
        for (c, cell) in (0u16..).zip(row) {
            match cell {
                Cell::Text(s) => sheet.write_string(r, c, s)?,
                // Counts and tiyn stay far below 2^53, exact as an XLSX number.
                #[allow(clippy::cast_precision_loss)]
                Cell::Int(n) => sheet.write_number(r, c, *n as f64)?,
            };
        }
    }
    Ok(book.save_to_buffer()?)
}
