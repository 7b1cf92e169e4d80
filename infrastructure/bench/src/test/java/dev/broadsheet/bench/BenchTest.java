package dev.broadsheet.bench;

import dev.broadsheet.runtime.FunctionConfig;
import dev.broadsheet.template.ProjectFiles;
import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every function of the template gets a sample event; variants add rows run another way. */
class BenchTest {

    @Test
    void everyFunctionOfTheTemplateHasTheSampleEventOfItsFirstRoute() {
        SamTemplate template = SamTemplate.ofProject();

        Map<String, Path> events = Bench.eventsByFunction(template, ProjectFiles.root().resolve("events"));

        assertEquals(template.functions().size(), events.size());
        assertEquals("get-article.json", events.get("GetArticleFunction").getFileName().toString());
    }

    @Test
    void aVariantAddsRowsWithAnotherJarJdkOrJvmOptions() {
        Subject floor = java("JavaFloor", Subject.Kind.FLOOR);
        Subject get = java("GetArticleFunction", Subject.Kind.FUNCTION);
        Subject node = new Subject("NodePeer", Subject.Kind.PEER, "node", new FunctionConfig("NodePeer", Path.of("peers/node"),
                "index.getItem", 512, Duration.ofSeconds(10), Map.of(), "provided.al2023"), Path.of("e.json"), null);

        List<Subject> rows = Bench.withVariants(List.of(floor, node, get), List.of(
                "c2=GetArticleFunction,options=-XX:TieredStopAtLevel=4",
                "jdk25=java,java=/usr/lib/jvm/temurin-25-jdk-amd64",
                "crt=GetArticleFunction,jar=/tmp/articles-crt.jar",
                "text=JavaFloor,env=AWS_LAMBDA_LOG_FORMAT=TEXT"));

        assertEquals(List.of("JavaFloor", "NodePeer", "GetArticleFunction", "GetArticleFunction@c2", "JavaFloor@jdk25",
                "GetArticleFunction@jdk25", "GetArticleFunction@crt", "JavaFloor@text"),
                rows.stream().map(Subject::label).toList());
        assertEquals("TEXT", rows.get(7).function().environment().get("AWS_LAMBDA_LOG_FORMAT"));
        assertEquals("-XX:TieredStopAtLevel=4", rows.get(3).function().environment().get(Bench.JAVA_TOOL_OPTIONS));
        assertEquals(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64"), rows.get(5).javaHome());
        assertEquals(Path.of("/tmp/articles-crt.jar"), rows.get(6).function().codeUri());
        assertEquals("GetArticleFunction@crt", rows.get(6).function().name());
        assertThrows(IllegalArgumentException.class, () -> Bench.withVariants(List.of(node), List.of("x=NodePeer,jar=a.jar")));
        assertThrows(IllegalArgumentException.class, () -> Bench.withVariants(List.of(get), List.of("x=GetArticleFunction,heap=1")));
    }

    private static Subject java(String label, Subject.Kind kind) {
        return new Subject(label, kind, "java", new FunctionConfig(label, Path.of(label + ".jar"), "x.H::handleRequest", 512,
                Duration.ofSeconds(10), Map.of(), "java21"), Path.of("e.json"), null);
    }
}
