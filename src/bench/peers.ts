/** The Hugo and Eleventy peer sites from `../shared/bench/peers/run.sh`: lay them out, then build them as timed targets. */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BuildTarget } from './measure.js';
import { peersScript } from './paths.js';

/** A peer static-site generator the benchmark compares against. */
export type PeerName = 'hugo' | 'eleventy';

/** What to tell the user when a peer cannot be built. */
export const PEER_INSTALL_HINT =
  'peers need ../shared/bench/peers/run.sh beside the repository (or BROADSHEET_SHARED_BENCH=<dir of the kit>), `apt-get install -y hugo time` (Hugo 0.111, GNU time) and npm (run.sh installs Eleventy into its scratch folder)';

/** Peers that can be tried here; Hugo needs its binary on PATH, Eleventy only node + npm. */
export function availablePeers(): { peers: PeerName[]; missing: string[] } {
  const missing: string[] = [];
  if (!existsSync(peersScript)) return { peers: [], missing: [`${peersScript} (not found)`] };
  const peers: PeerName[] = [];
  if (spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0) peers.push('hugo');
  else missing.push('hugo (apt-get install -y hugo)');
  if (spawnSync('npm', ['--version'], { stdio: 'ignore' }).status === 0) peers.push('eleventy');
  else missing.push('eleventy (needs npm)');
  return { peers, missing };
}

/** Lays out one peer's site on the Markdown seeds (`PREPARE_ONLY=1 run.sh`); returns an error message or undefined. */
export async function preparePeer(peer: PeerName, seedsDir: string, peersWork: string): Promise<string | undefined> {
  try {
    await promisify(execFile)('bash', [peersScript, seedsDir, peersWork], {
      env: { ...process.env, PREPARE_ONLY: '1', PEERS: peer },
      maxBuffer: 16 << 20,
    });
    return undefined;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    return (e.stderr?.trim() || e.message).split('\n').slice(-5).join('\n');
  }
}

/** The cold-build command of a laid-out peer site, exactly as run.sh documents it. */
export function peerTarget(peer: PeerName, peersWork: string): BuildTarget {
  if (peer === 'hugo') {
    const cwd = path.join(peersWork, 'hugo');
    const outDir = path.join(cwd, 'public');
    return { tool: 'hugo', invocation: { command: 'hugo', args: ['--ignoreCache'], cwd }, outDir, coldPaths: [outDir] };
  }
  const cwd = path.join(peersWork, 'eleventy');
  const outDir = path.join(cwd, '_site');
  return { tool: 'eleventy', invocation: { command: process.execPath, args: ['node_modules/@11ty/eleventy/cmd.cjs', '--quiet'], cwd }, outDir, coldPaths: [outDir] };
}
