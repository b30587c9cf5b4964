package io.renlayer.schemas;

import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedIdTest {

    @Test
    void generatedIdsCarryTheirPrefixAndParseBack() {
        TypedId id = TypedId.generate(IdType.POLICY);
        assertThat(id.toString()).startsWith("pol_").hasSize(4 + 26);
        assertThat(TypedId.parse(IdType.POLICY, id.toString())).isEqualTo(id);
    }

    @Test
    void idsFromOneProcessSortInCreationOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(TypedId.newId(IdType.AUDIT));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void rejectsMalformedIds() {
        String good = TypedId.newId(IdType.AGENT);
        assertThat(TypedId.isValid(IdType.AGENT, good)).isTrue();
        assertThat(TypedId.isValid(IdType.KEY, good)).as("another type's prefix").isFalse();
        assertThat(TypedId.isValid(IdType.AGENT, good.toLowerCase())).as("non-canonical case").isFalse();
        assertThat(TypedId.isValid(IdType.AGENT, good + "0")).as("too long").isFalse();
        assertThat(TypedId.isValid(IdType.AGENT, good.substring(0, good.length() - 1))).as("too short").isFalse();
        assertThat(TypedId.isValid(IdType.AGENT, "agent_8ZZZZZZZZZZZZZZZZZZZZZZZZZ")).as("timestamp overflow").isFalse();
        assertThat(TypedId.isValid(IdType.AGENT, "agent_01HX2B3C4D5E6F7G8H9J0KMNPU")).as("U is not Crockford").isFalse();
        assertThat(TypedId.isValid(IdType.AGENT, "agent-01HX2B3C4D5E6F7G8H9J0KMNPQ")).isFalse();
        assertThat(TypedId.isValid(IdType.AGENT, null)).isFalse();
        assertThatThrownBy(() -> TypedId.parse(IdType.AGENT, "agent_x")).isInstanceOf(IllegalArgumentException.class);
    }
}
