/**
 * Writing the output file safely: the bytes go to a temporary file in the same folder, which is
 * renamed over the target only when complete, so a crash, a full disk or a bug never leaves a
 * half-written workbook under the user's file name. Without `force` an existing file is never
 * replaced — not even one that appears while we are writing (the final step is a hard link, which
 * fails if the name exists).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { randomBytes } from "crypto";
import { fileErrors } from "./input-errors";

function code(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

function detail(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Fail early (before building a large workbook) when the target cannot be written. */
export async function checkOutputPath(file: string, force: boolean): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  try {
    const st = await fs.stat(dir);
    if (!st.isDirectory()) throw fileErrors.outputFolderMissing(file, dir);
  } catch (e) {
    if (code(e) === "ENOENT" || code(e) === "ENOTDIR") throw fileErrors.outputFolderMissing(file, dir);
    throw e;
  }
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw fileErrors.outputIsFolder(file);
    if (!force) throw fileErrors.outputExists(file);
  } catch (e) {
    if (code(e) !== "ENOENT") throw e;
  }
}

/** The temporary name used while writing `file` (hidden, same folder, unique). */
export function tempNameFor(file: string): string {
  const abs = path.resolve(file);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.kam-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
}

/** Write `data` to `file` atomically; whatever happens, the temporary file is gone when this returns or throws. */
export async function writeFileAtomic(file: string, data: Uint8Array, options: { force?: boolean } = {}): Promise<void> {
  const force = options.force === true;
  await checkOutputPath(file, force);
  const tmp = tempNameFor(file);
  try {
    try {
      await fs.writeFile(tmp, data, { flag: "wx" });
    } catch (e) {
      throw fileErrors.outputFailed(file, detail(e));
    }
    if (force) {
      try {
        await fs.rename(tmp, file);
      } catch (e) {
        const c = code(e);
        if (c === "EBUSY" || c === "EPERM" || c === "EACCES") throw fileErrors.outputBusy(file, detail(e));
        throw fileErrors.outputFailed(file, detail(e));
      }
      return;
    }
    try {
      await fs.link(tmp, file);
    } catch (e) {
      const c = code(e);
      if (c === "EEXIST") throw fileErrors.outputExists(file);
      // Some file systems (FAT, some network shares) have no hard links: check, then rename.
      if (c === "EPERM" || c === "ENOTSUP" || c === "ENOSYS" || c === "EXDEV" || c === "EOPNOTSUPP") {
        const exists = await fs.stat(file).then(
          () => true,
          () => false,
        );
        if (exists) throw fileErrors.outputExists(file);
        await fs.rename(tmp, file).catch((e2: unknown) => {
          throw fileErrors.outputFailed(file, detail(e2));
        });
        return;
      }
      throw fileErrors.outputFailed(file, detail(e));
    }
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}
