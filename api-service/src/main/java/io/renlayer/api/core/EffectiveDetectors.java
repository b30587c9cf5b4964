package io.renlayer.api.core;

import io.renlayer.api.db.DetectorSettingDao;
import io.renlayer.engine.dlp.DetectorCatalogue;
import io.renlayer.schemas.config.DetectorSetting;
import io.renlayer.schemas.config.DlpAction;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The built-in catalogue with the tenant's overrides applied: what the API shows and the proxy runs. */
public final class EffectiveDetectors {

    /** One detector as the API shows it. */
    public record View(String id, String name, String description, boolean enabled, DlpAction action,
                       boolean enabledByDefault, DlpAction defaultAction) {

        DetectorSetting toConfig() {
            return new DetectorSetting(id, name, enabled, action);
        }
    }

    public static List<View> of(List<DetectorSettingDao.Override> overrides) {
        Map<String, DetectorSettingDao.Override> byId = overrides.stream()
                .collect(Collectors.toMap(DetectorSettingDao.Override::detectorId, Function.identity()));
        return DetectorCatalogue.all().stream().map(d -> {
            DetectorSettingDao.Override o = byId.get(d.id());
            return new View(d.id(), d.name(), d.description(),
                    o == null ? d.enabledByDefault() : o.enabled(), o == null ? d.defaultAction() : o.action(),
                    d.enabledByDefault(), d.defaultAction());
        }).toList();
    }

    private EffectiveDetectors() {
    }
}
