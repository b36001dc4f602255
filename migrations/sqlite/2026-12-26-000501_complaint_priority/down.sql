DROP TABLE quota_waits;
DROP TABLE reopened_permits;
