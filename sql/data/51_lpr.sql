-- The 1-year loan prime rate as published by the PBOC / NIFC, changes only (domain.md §4).
INSERT INTO crm_contract.lpr (published_on, rate, builtin) VALUES
  ('2019-08-20', 4.25, true), ('2019-09-20', 4.20, true), ('2019-11-20', 4.15, true),
  ('2020-02-20', 4.05, true), ('2020-04-20', 3.85, true), ('2021-12-20', 3.80, true),
  ('2022-01-20', 3.70, true), ('2022-08-22', 3.65, true), ('2023-06-20', 3.55, true),
  ('2023-08-21', 3.45, true), ('2024-07-22', 3.35, true), ('2024-10-21', 3.10, true),
  ('2025-05-20', 3.00, true);
