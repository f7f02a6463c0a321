-- The token WeCom last rejected, so that the channel runtime's SharedAccessTokens handles every channel's
-- token table alike (channel-wechat's has had it since V10).
alter table wecom_access_token add column invalidated_token varchar(512);
