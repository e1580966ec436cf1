"""The admin of consultation comments: moderation and export."""
