drop table if exists app_private.email_changes;
