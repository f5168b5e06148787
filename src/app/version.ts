/** The engine version recorded with every result (bump when search or DSL semantics change). */
export const VERSION = "0.1.0";
