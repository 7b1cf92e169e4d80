package dev.broadsheet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The peers a newsroom would pick instead of Java, each a custom-runtime function in
 * {@code infrastructure/bench/peers/}: whether it can run here, and what it runs on.
 */
final class Peers {

    private Peers() {
    }

    /** @param absentBecause null when the peer can run; otherwise why its row is missing */
    record Peer(String name, Path code, String handler, String doNothingHandler, String version, String absentBecause) {
    }

    static Peer node(Path root) {
        Path code = root.resolve("infrastructure/bench/peers/node");
        Path sdk = code.resolve("node_modules/@aws-sdk/client-dynamodb/package.json");
        String node = output(List.of("node", "--version"));
        if (node == null) {
            return new Peer("node", code, null, null, null, "no node on PATH");
        }
        if (!Files.isRegularFile(sdk)) {
            return new Peer("node", code, null, null, null, "its node_modules are not installed: build first"
                    + " (mvn -q -DskipTests package runs npm ci in infrastructure/bench/peers/node)");
        }
        String sdkVersion = read(sdk).replaceAll("(?s).*?\"version\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return new Peer("node", code, "index.getItem", "index.doNothing",
                "Node.js " + node + ", @aws-sdk/client-dynamodb " + sdkVersion, null);
    }

    static Peer python(Path root) {
        Path code = root.resolve("infrastructure/bench/peers/python");
        String boto3 = output(List.of("/usr/bin/python3", "-c", "import sys, boto3; print(sys.version.split()[0], boto3.__version__)"));
        if (boto3 == null) {
            return new Peer("python", code, null, null, null,
                    "Debian's python3-boto3 is not installed (apt-get install python3-boto3)");
        }
        String[] versions = boto3.split(" ");
        return new Peer("python", code, "handler.get_item", "handler.do_nothing",
                "Python " + versions[0] + ", boto3 " + versions[1], null);
    }

    /** The command's first line of output, or null when it cannot run or fails. */
    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return text.lines().findFirst().orElse("");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
