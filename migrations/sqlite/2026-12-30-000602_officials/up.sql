-- Officials' display names (issue 21): the history of a case names who acted by the name
-- the identity provider gives them (the ID token's standard `name` claim), beside their
-- role, instead of a sign-in subject. Written on each sign-in through the provider, so a
-- changed name is shown from the next sign-in on; an actor who never signed in to the
-- console (a client with a bearer token) keeps showing by subject. Times are UTC.
CREATE TABLE officials (
    sub          TEXT PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    signed_in_at TIMESTAMP NOT NULL
);
