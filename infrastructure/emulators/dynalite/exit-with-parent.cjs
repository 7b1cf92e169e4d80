// Loaded with `node --require` before dynalite's cli.js. The JVM holds this process's stdin open;
// when the JVM ends in any way (even killed, when no shutdown hook runs) the pipe closes and
// dynalite exits with it, so no orphan keeps the port and the LevelDB lock.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
