/** Semantic version bumps of progress.json's `version`. */

/** Which part of `major.minor.patch` a bump increments. */
export type BumpLevel = "major" | "minor" | "patch";

/** `1.2.3` -> `1.2.4` (patch), `1.3.0` (minor), `2.0.0` (major). The schema guarantees the `x.y.z` shape. */
export function bumpVersion(version: string, level: BumpLevel): string {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  switch (level) {
    case "major":
      return `${major + 1}.0.0`;
    case "minor":
      return `${major}.${minor + 1}.0`;
    case "patch":
      return `${major}.${minor}.${patch + 1}`;
  }
}
