// Lighthouse (pinned in package.json) on a list of URLs with the desktop and the mobile preset,
// in one headless chromium that every run reuses. Called by scripts/lighthouse.py:
//   node scripts/lighthouse.mjs URLS.json RESULTS.json
// URLS.json: [{"name": "...", "url": "...", "presets": ["desktop", "mobile"]}]; RESULTS.json gets, per URL and preset, the score
// of each category (0-100) and the titles of the audits that failed.
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const [urlsFile, resultsFile] = process.argv.slice(2);
const pages = JSON.parse(fs.readFileSync(urlsFile, "utf8"));
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const PRESETS = { desktop: desktopConfig, mobile: undefined }; // mobile is Lighthouse's default

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const results = [];
try {
  for (const { name, url, presets } of pages) {
    for (const preset of presets) {
      const config = PRESETS[preset];
      const flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES };
      let run = await lighthouse(url, flags, config);
      if (run.lhr.runtimeError) run = await lighthouse(url, flags, config); // once more: a hiccup
      const { categories, audits, runtimeError } = run.lhr;
      const scores = Object.fromEntries(
        CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]),
      );
      // What kept a category below 100: the audits that count and did not pass.
      const failed = Object.values(categories)
        .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0))
        .map((ref) => audits[ref.id])
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => `${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
      const failedSeo = categories.seo.auditRefs
        .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1)
        .map((ref) => ref.id);
      const error = runtimeError ? `${runtimeError.code}: ${runtimeError.message}` : null;
      results.push({ name, url, preset, scores, failed, failed_seo: failedSeo, error });
      process.stdout.write(
        `${preset.padEnd(7)} ${CATEGORIES.map((id) => String(scores[id]).padStart(3)).join(" ")}  ${name}\n`,
      );
    }
  }
} finally {
  await chrome.kill();
}
fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
