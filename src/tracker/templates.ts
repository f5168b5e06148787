/** Starting documents for `aurora progress init`. */
import type { Progress, Task } from "./schema.js";

/** The names `init --template` accepts. */
export const TEMPLATE_NAMES = ["empty", "seed"] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

const leaf = (id: string, title: string, percent: number): Task => ({ id, title, percent });

/**
 * The seed product's roadmap: Foundation Core 100%, Learning & Memory 91.7% (T02f at 50%), Adaptive Learning 0%,
 * overall 63.9%.
 */
export function seedTemplate(): Progress {
  return {
    version: "1.0.0",
    title: "Aurora-X",
    phases: [
      {
        name: "Foundation Core",
        tasks: [
          {
            id: "T01",
            title: "Core synthesis engine",
            children: [leaf("T01a", "Basic function generation", 100), leaf("T01b", "Test validation framework", 100), leaf("T01c", "Error handling & recovery", 100)],
          },
        ],
      },
      {
        name: "Learning & Memory",
        tasks: [
          {
            id: "T02",
            title: "Corpus recording system",
            children: [
              leaf("T02a", "JSONL persistence", 100),
              leaf("T02b", "SQLite integration", 100),
              leaf("T02c", "Similarity scoring", 100),
              leaf("T02d", "Query optimization", 100),
              leaf("T02e", "Export functionality", 100),
              leaf("T02f", "Import/merge capability", 50),
            ],
          },
        ],
      },
      {
        name: "Adaptive Learning",
        tasks: [
          {
            id: "T03",
            title: "Auto-tuning system",
            children: [leaf("T03a", "Performance metrics", 0), leaf("T03b", "Seed bias adjustment", 0), leaf("T03c", "Learning curves", 0)],
          },
        ],
      },
    ],
  };
}

/** A document with no phases yet. */
export function emptyTemplate(): Progress {
  return { version: "1.0.0", phases: [] };
}

/** The template of that name. */
export function template(name: TemplateName): Progress {
  switch (name) {
    case "empty":
      return emptyTemplate();
    case "seed":
      return seedTemplate();
  }
}
