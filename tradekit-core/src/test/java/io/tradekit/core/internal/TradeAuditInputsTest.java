package io.tradekit.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TradeAuditInputsTest {

    @Test
    void theInputsTextIsWhatJacksonWritesForTheSameMembers() throws Exception {
        String awkward = "tag \"quoted\" \\ back\nline \u0001 ünï 价格";
        TradeAudit.Inputs written = new TradeAudit.Inputs().put("clientOrderId", "bot-1a").put("price", "65020.55")
                .put("tag", awkward).put("reduceOnly", false).put("maker", true).put("missing", null);
        ObjectNode tree = new ObjectMapper().createObjectNode();
        tree.put("clientOrderId", "bot-1a");
        tree.put("price", "65020.55");
        tree.put("tag", awkward);
        tree.put("reduceOnly", false);
        tree.put("maker", true);
        tree.put("missing", (String) null);

        assertThat(written.toString()).isEqualTo(tree.toString());
        assertThat(written.toString()).as("asking twice gives the same text").isEqualTo(tree.toString());
        assertThat(new ObjectMapper().readTree(written.toString()).get("tag").asText()).isEqualTo(awkward);
        assertThat(new TradeAudit.Inputs().toString()).isEqualTo("{}");
    }
}
