-- When each account last signed in (the password accepted): shown to operators in the user list.
ALTER TABLE account ADD COLUMN last_sign_in_at TIMESTAMP WITH TIME ZONE;
