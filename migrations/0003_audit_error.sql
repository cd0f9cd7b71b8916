-- Why a message could not be audited (no Received: hop naming the sender,
-- an unreadable message…), so its inbox says so instead of waiting for ever.
ALTER TABLE messages ADD COLUMN audit_error TEXT;
