-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d): one database per service,
-- as the local stack and the test kit create them. The services connect as POSTGRES_USER, the image's superuser,
-- which also has the REPLICATION attribute the outbox relay (logical replication slot) needs.
CREATE DATABASE identity;
CREATE DATABASE doctor;
CREATE DATABASE booking;
CREATE DATABASE notification;
CREATE DATABASE reporting;
