"""Pure functions over customer text; language resources load once, lazily."""
