package dev.broadsheet.emulators;

import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateResourcesTest {

    private static final TemplateResources.Support NONE = new TemplateResources.Support(false, false);

    @TempDir
    Path dir;

    @Test
    void theProjectTemplateNamesTablesByLogicalIdAndBucketsByPrefixedLowerCaseId() {
        ResourceNames names = new TemplateResources(SamTemplate.ofProject(), NONE).names();
        assertEquals("ArticlesTable", names.tables().get("ArticlesTable"));
        assertEquals("broadsheet-imagesbucket", names.buckets().get("ImagesBucket"));
        assertEquals(names.tables().size() + names.buckets().size(), names.all().size());
    }

    @Test
    void explicitNamesWinAndTheirIntrinsicsResolveLocally() throws IOException {
        ResourceNames names = new TemplateResources(template("""
                Parameters:
                  Stage:
                    Type: String
                    Default: dev
                Resources:
                  CommentsTable:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "${AWS::StackName}-${Stage}-comments"
                  UploadsBucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Join ["-", [uploads, !Ref Stage]]
                """), NONE).names();
        assertEquals(Map.of("CommentsTable", "broadsheet-dev-comments", "UploadsBucket", "uploads-dev"), names.all());
    }

    @Test
    void aLocalBucketNameS3WouldRejectIsAnError() throws IOException {
        TemplateResources resources = new TemplateResources(template("""
                Resources:
                  Uploads:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: Uploads_Bucket
                """), NONE);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, resources::names);
        assertTrue(error.getMessage().contains("Uploads_Bucket"), error.getMessage());
    }

    private SamTemplate template(String yaml) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, yaml);
        return SamTemplate.load(file);
    }
}
