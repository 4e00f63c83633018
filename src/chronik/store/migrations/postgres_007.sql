-- Version 7: a count of write transactions, so that a process can tell that another one
-- wrote since its own last write (it then reads the stored entities and story window again).
CREATE TABLE chronik_writes (n BIGINT NOT NULL);
INSERT INTO chronik_writes VALUES (0);
