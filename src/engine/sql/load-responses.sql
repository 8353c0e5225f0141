-- The validated responses CSV (written by intake: header
-- response_id,date,unit_code,agency_code,field,channel,respondent_type, then item codes in
-- instrument order; ISO dates; integers; empty = NULL) as a view with explicit column types.
-- A view, not a table: it streams (load-respondents.sql reads it once; only the diagnostics of a
-- bad file read it again), so a 10-million-row file never sits in memory as text (stack.md: 5 M
-- rows as a table took 1.9 GB, as a view over read_csv 0.56 GB). Item columns are renamed
-- answer_0, answer_1, … in instrument order, so later SQL never quotes a user-chosen column name.
CREATE OR REPLACE TEMP VIEW response_csv AS
SELECT
  date,
  unit_code,
  agency_code,
  field,
  channel,
  respondent_type,
  {{#items|, }}{{column}} AS answer_{{i}}{{/items}}
FROM read_csv(
  {{path}},
  header = true,
  auto_detect = false,
  delim = ',',
  quote = '"',
  escape = '"',
  columns = {
    'response_id': 'VARCHAR',
    'date': 'DATE',
    'unit_code': 'VARCHAR',
    'agency_code': 'VARCHAR',
    'field': 'VARCHAR',
    'channel': 'VARCHAR',
    'respondent_type': 'VARCHAR',
    {{#items|, }}{{column_text}}: 'UTINYINT'{{/items}}
  }
);
