package io.renlayer.engine.dlp;

import io.renlayer.schemas.config.DetectorSetting;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DetectorCatalogueTest {

    @Test
    void everyDetectorHasAValidUniqueIdAndSnakeCaseName() {
        assertThat(DetectorCatalogue.all()).hasSize(16);
        assertThat(DetectorCatalogue.all()).allSatisfy(d -> {
            assertThat(TypedId.isValid(IdType.DETECTOR, d.id())).as(d.id()).isTrue();
            assertThat(d.name()).matches("[a-z][a-z0-9]*(_[a-z0-9]+)*");
            assertThat(d.description()).isNotBlank();
            assertThat(d.defaultAction()).isNotNull();
        });
        assertThat(DetectorCatalogue.all()).extracting(BuiltInDetector::id).doesNotHaveDuplicates();
        assertThat(DetectorCatalogue.all()).extracting(BuiltInDetector::name).doesNotHaveDuplicates();
    }

    @Test
    void idsAreStable() {
        // Tenants' settings and stored findings refer to these ids: changing one is a breaking change.
        assertThat(DetectorCatalogue.byName("payment_card").orElseThrow().id()).isEqualTo("det_00000000000000000000000001");
        assertThat(DetectorCatalogue.byName("aws_access_key").orElseThrow().id()).isEqualTo("det_00000000000000000000000008");
        assertThat(DetectorCatalogue.byName("slack_token").orElseThrow().id()).isEqualTo("det_0000000000000000000000000A");
        assertThat(DetectorCatalogue.byName("generic_secret").orElseThrow().id()).isEqualTo("det_0000000000000000000000000G");
    }

    @Test
    void looksUpByIdAndByName() {
        assertThat(DetectorCatalogue.byId("det_00000000000000000000000004")).map(BuiltInDetector::name).contains("email");
        assertThat(DetectorCatalogue.byName("jwt")).map(BuiltInDetector::id).contains("det_0000000000000000000000000E");
        assertThat(DetectorCatalogue.byId("det_0000000000000000000000000Z")).isEmpty();
        assertThat(DetectorCatalogue.byName("credit_card")).isEmpty();
        assertThat(DetectorCatalogue.byId(null)).isEmpty();
    }

    @Test
    void defaultSettingsMirrorTheCatalogue() {
        assertThat(DetectorCatalogue.defaultSettings()).hasSize(DetectorCatalogue.all().size());
        assertThat(DetectorCatalogue.defaultSettings()).first()
                .isEqualTo(new DetectorSetting("det_00000000000000000000000001", "payment_card", true, DlpAction.REDACT));
        assertThat(DetectorCatalogue.defaultSettings())
                .filteredOn(s -> s.name().equals("aws_access_key"))
                .singleElement().satisfies(s -> assertThat(s.action()).isEqualTo(DlpAction.BLOCK));
        assertThat(DetectorCatalogue.defaultSettings())
                .filteredOn(s -> s.name().startsWith("ipv"))
                .allSatisfy(s -> assertThat(s.enabled()).isFalse());
    }
}
