import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type Chromium from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/*
 * A headless Chromium for the tests, with no set-up beyond `npm ci`: CHROMIUM_PATH when it is set,
 * else Debian's chromium package when it is installed, else the browser that ships inside the
 * @sparticuz/chromium dev dependency, unpacked once per version into the OS temp folder.
 */

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** No sandbox (test containers often run as root), and no traffic of the browser's own: the tests open local pages only. */
const TEST_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Of the package's flags (chosen for Lambda), these are left out: two would switch off protections a
 * report test may rely on (same-origin rules, mixed content), and in one process the browser goes down
 * with the first page a test closes.
 */
const UNWANTED_PACKAGE_ARGS = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

export interface ChromiumInstall {
  /** Where it came from, for error messages. */
  origin: string;
  executablePath: string;
  args: string[];
  env?: Record<string, string>;
}

const packagedVersion = async (): Promise<string> => {
  // The package exports no package.json; its entry point sits two folders below the package's root.
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const manifest = JSON.parse(await readFile(join(dirname(entry), '..', '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
};

/** The package inflates into os.tmpdir(); pointing that at a private folder for the call lets us move the result whole. */
const inflateInto = async (packaged: typeof Chromium, folder: string): Promise<void> => {
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  try {
    await packaged.executablePath();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
};

/**
 * The bundled fonts beside whatever the machine has, so text renders on a machine without fonts too.
 * (The package's own fonts.conf names Lambda's folders, not ours.)
 */
const fontConfig = (fontsFolder: string) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${fontsFolder}</dir>
  <cachedir>${join(fontsFolder, '.cache')}</cachedir>
</fontconfig>
`;

/**
 * Unpacks the packaged browser once per version. It is unpacked into a fresh folder and renamed into
 * place, so test files (or test runs) starting together never see a half-written binary.
 */
const unpackPackagedChromium = async (packaged: typeof Chromium): Promise<string> => {
  const folder = join(tmpdir(), `handshake-chromium-${await packagedVersion()}`);
  if (existsSync(join(folder, 'chromium'))) return folder;
  const staging = await mkdtemp(join(tmpdir(), 'handshake-chromium-unpacking-'));
  try {
    await inflateInto(packaged, staging);
    await writeFile(join(staging, 'fonts.conf'), fontConfig(join(folder, 'fonts')));
    await chmod(staging, 0o755); // mkdtemp's 0700 would keep the shared copy from other users of the machine
    await rename(staging, folder);
  } catch (error) {
    if (!existsSync(join(folder, 'chromium'))) throw error;
    // Another test file unpacked the same version first: use theirs.
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return folder;
};

const packagedChromium = async (): Promise<ChromiumInstall> => {
  // Loaded only when needed: on import the package adjusts the environment when it thinks it is on Lambda.
  const { default: packaged } = await import('@sparticuz/chromium');
  const folder = await unpackPackagedChromium(packaged);
  return {
    origin: 'the @sparticuz/chromium dev dependency',
    executablePath: join(folder, 'chromium'),
    args: [...packaged.args.filter((arg) => !UNWANTED_PACKAGE_ARGS.has(arg)), ...TEST_ARGS],
    env: { ...(process.env as Record<string, string>), FONTCONFIG_FILE: join(folder, 'fonts.conf') },
  };
};

/** CHROMIUM_PATH, else Debian's chromium, else the packaged one. */
export const findChromium = async (): Promise<ChromiumInstall> => {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, but there is no file there; unset it to use the packaged Chromium.`);
    return { origin: 'CHROMIUM_PATH', executablePath: configured, args: TEST_ARGS };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { origin: "Debian's chromium package", executablePath: DEBIAN_CHROMIUM, args: TEST_ARGS };
  return packagedChromium();
};

export const launchChromium = async (): Promise<Browser> => {
  const install = await findChromium();
  try {
    return await chromium.launch({ executablePath: install.executablePath, args: install.args, env: install.env });
  } catch (error) {
    throw new Error(
      `Chromium from ${install.origin} (${install.executablePath}) did not start; if it names a missing libnss3.so, ` +
        `install Debian's libnss3 (Java's JRE package brings it too). ${String(error)}`,
    );
  }
};
