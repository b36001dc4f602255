-- One open extension per permit (Art. 33(2), 7(20)), held by the database itself: the
-- check before filing reads, and two applications filed at once both read none. An
-- extension stays open unless refused, withdrawn or lapsed (an extension that ended with
-- its parent lapses), as `db::permits::open_extensions` reads it; a second one filed while
-- another is open is a unique violation, answered 409 `extension-exists`.
-- Fails on a database that already holds two open extensions of one permit: those are to
-- be looked at by hand (withdrawn or refused with an audit event), not dropped here.
CREATE UNIQUE INDEX permits_one_open_extension ON permits (parent_id)
    WHERE kind = 'extension' AND status NOT IN ('refused', 'withdrawn', 'lapsed');
