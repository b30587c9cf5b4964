package io.renlayer.proxy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.renlayer.kit.config.KafkaServiceConfiguration;
import io.renlayer.proxy.config.AuditConfig;
import io.renlayer.proxy.config.ForwardingConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public class ProxyConfiguration extends KafkaServiceConfiguration {

    @Valid
    @NotNull
    private ForwardingConfig forwarding = new ForwardingConfig();

    @Valid
    @NotNull
    private AuditConfig audit = new AuditConfig();

    @JsonProperty
    public ForwardingConfig getForwarding() {
        return forwarding;
    }

    @JsonProperty
    public void setForwarding(ForwardingConfig forwarding) {
        this.forwarding = forwarding;
    }

    @JsonProperty
    public AuditConfig getAudit() {
        return audit;
    }

    @JsonProperty
    public void setAudit(AuditConfig audit) {
        this.audit = audit;
    }
}
