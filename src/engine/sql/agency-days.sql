-- The days on which each agency had at least one response: all that coverage-agencies.sql needs
-- of the responses (compute-coverage.ts), taken from the respondent table (load-respondents.sql)
-- so that coverage does not read the responses file again. A response without an agency gives
-- (date, NULL): it matches no agency, but its day still tells which periods have responses.
CREATE OR REPLACE TEMP TABLE {{agency_days}} AS
SELECT DISTINCT r.response_date AS date, b.value AS agency_code
FROM respondent_store.respondent AS r
LEFT JOIN breakdown_value AS b ON b.breakdown = 'agency' AND b.bd_idx = r.agency_idx;
