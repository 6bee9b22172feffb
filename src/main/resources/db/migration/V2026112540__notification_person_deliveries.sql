-- Deliveries to one person through one of their contact methods (a page from an escalation),
-- beside group notices to channels. Such a row has no channel: channel_kind is the contact
-- method's kind (email, slack, webhook, sms, voice), recipient its address, channel_name the
-- address as the log shows it, and it carries a message instead of a notice.
ALTER TABLE notification_deliveries ALTER COLUMN notice DROP NOT NULL;
ALTER TABLE notification_deliveries ADD COLUMN recipient TEXT;
ALTER TABLE notification_deliveries ADD COLUMN message JSONB;
ALTER TABLE notification_deliveries
    ADD CONSTRAINT notification_deliveries_one_payload CHECK ((notice IS NULL) <> (message IS NULL));
ALTER TABLE notification_deliveries
    ADD CONSTRAINT notification_deliveries_person_recipient CHECK ((message IS NULL) = (recipient IS NULL));
