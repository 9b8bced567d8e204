-- People who use Rounds. Passwords are bcrypt hashes in Modular Crypt Format; roles a comma-separated list.
CREATE TABLE app_user (
    username       VARCHAR(100) PRIMARY KEY,
    password_hash  VARCHAR(100) NOT NULL,
    roles          VARCHAR(200) NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
