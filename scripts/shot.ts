import { chromium } from "@playwright/test";
const [email = "coordinacion@example.org", ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto("http://localhost:3000/login");
await page.getByLabel("Correo electrónico").fill(email);
await page.getByLabel("Contraseña").fill("tejido-demo-2020");
await page.getByRole("button", { name: "Entrar" }).click();
await page.waitForURL("http://localhost:3000/");
for (const [index, path] of paths.entries()) {
  await page.goto(`http://localhost:3000${path}`);
  await page.screenshot({ path: `/tmp/shot-${index}.png`, fullPage: true });
  console.log(index, path, await page.title());
}
await browser.close();
