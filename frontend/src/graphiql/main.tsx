// Placeholder: the GraphiQL explorer.
export {};
