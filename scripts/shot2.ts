import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("console", (m) => console.log("console:", m.type(), m.text().slice(0, 300)));
await page.goto("http://localhost:3000/login");
await page.getByLabel("Correo electrónico").fill("coordinacion@example.org");
await page.getByLabel("Contraseña").fill("tejido-demo-2020");
await page.getByRole("button", { name: "Entrar" }).click();
await page.waitForURL("http://localhost:3000/");
await page.goto("http://localhost:3000/generations/demo-generation-2020");
await page.waitForTimeout(3000);
console.log(
  await page.getByTestId("headline").count(),
  await page
    .getByTestId("headline")
    .textContent()
    .catch(() => "none"),
);
await page.screenshot({ path: `/tmp/shot-gen.png`, fullPage: true });
await browser.close();
