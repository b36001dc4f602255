-- Reverts the self-employment certificates: reports and decisions first, they refer to
-- certificates.
DROP TABLE self_employment_reports;
DROP TABLE self_employment_decisions;
DROP TABLE self_employment_certificates;
