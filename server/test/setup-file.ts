// Integration tests speak to the database through the app; nothing global to set up per file yet.
export {};
