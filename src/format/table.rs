//! Aligned tables as Docker prints them: columns padded with at least three
//! spaces, headers in capitals, the last column never padded.

pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<S: Into<String>>(header: impl IntoIterator<Item = S>) -> Table {
        Table { header: header.into_iter().map(Into::into).collect(), rows: Vec::new() }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// The table as text, one line per row, each ending in '\n'.
    pub fn render(&self) -> String {
        let columns = self.header.len();
        let mut widths = vec![0usize; columns];
        for row in std::iter::once(&self.header).chain(&self.rows) {
            for (i, cell) in row.iter().enumerate().take(columns) {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
        let mut out = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate().take(columns) {
                line.push_str(cell);
                if i + 1 < columns {
                    line.extend(std::iter::repeat_n(' ', widths[i] - cell.chars().count() + 3));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Renders tab-separated template output (`table {{.A}}\t{{.B}}`) as an
/// aligned table.
pub fn align_tabs(lines: &[String]) -> String {
    let rows: Vec<Vec<String>> = lines.iter().map(|l| l.split('\t').map(str::to_string).collect()).collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return String::new();
    }
    let mut table = Table { header: rows[0].clone(), rows: Vec::new() };
    table.header.resize(columns, String::new());
    for row in &rows[1..] {
        let mut row = row.clone();
        row.resize(columns, String::new());
        table.push(row);
    }
    table.render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_columns_with_three_spaces() {
        let mut t = Table::new(["REPOSITORY", "TAG"]);
        t.push(vec!["busybox".into(), "latest".into()]);
        assert_eq!(t.render(), "REPOSITORY   TAG\nbusybox      latest\n");
    }
}
