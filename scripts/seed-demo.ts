// Run with `tsx --conditions=react-server` so lib/ modules marked server-only load.
import { seedDemo } from "@/lib/demo/seed-demo";
import { disconnectDb } from "@/lib/db";

await seedDemo();
await disconnectDb();
