-- Free-form messages to a channel (a stakeholder notice about an incident), beside group notices
-- to channels and messages to people. Such a row names its channel (channel_id, channel_name,
-- channel_kind are the channel's), carries a message instead of a notice and has no recipient.
ALTER TABLE notification_deliveries ADD COLUMN to_channel BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE notification_deliveries DROP CONSTRAINT notification_deliveries_person_recipient;
ALTER TABLE notification_deliveries
    ADD CONSTRAINT notification_deliveries_person_recipient
        CHECK (CASE WHEN to_channel THEN message IS NOT NULL AND recipient IS NULL
                    ELSE (message IS NULL) = (recipient IS NULL) END);
