package io.posthoggitops.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.posthoggitops.TestKinds;
import io.posthoggitops.model.Address;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanonicalYamlTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void writesNestedObjectsInBlockStyleAndLeafFiltersInFlowStyle() {
    JsonNode cohort =
        json(
            "{'name':'Pilot users','filters':{'properties':{'type':'OR','values':["
                + "{'type':'person','key':'plan','operator':'exact','value':['pilot']}]}}}");

    assertThat(CanonicalYaml.render(cohort))
        .isEqualTo(
            """
            name: Pilot users
            filters:
              properties:
                type: OR
                values:
                  - {type: person, key: plan, operator: exact, value: [pilot]}
            """);
  }

  @Test
  void putsTheFirstKeyOfAListItemOnTheDashLine() {
    JsonNode flag =
        json("{'filters':{'groups':[{'properties':[],'rollout_percentage':50,'variant':null}]}}");

    assertThat(CanonicalYaml.render(flag))
        .isEqualTo(
            """
            filters:
              groups:
                - properties: []
                  rollout_percentage: 50
                  variant: null
            """);
  }

  @Test
  void quotesOnlyStringsThatWouldReadBackAsSomethingElse() {
    JsonNode values =
        json(
            "{'a':'true','b':'50','c':'2024-01-01','d':'plain text','e':'','f':'- dash','g':'a: b',"
                + "'h':'no','i':'x, y','j':{'k':'x, y','l':'ok'}}");

    assertThat(CanonicalYaml.render(values))
        .isEqualTo(
            """
            a: "true"
            b: "50"
            c: "2024-01-01"
            d: plain text
            e: ""
            f: "- dash"
            g: "a: b"
            h: "no"
            i: x, y
            j: {k: "x, y", l: ok}
            """);
  }

  @Test
  void readsBackAsTheSameJson() throws Exception {
    JsonNode node =
        json(
            "{'name':'yes','text':'line one\\nline two\\n','n':50.5,'list':[1,'2',null,true],"
                + "'nested':{'deep':{'deeper':{'x':'#hash','y':'tab\\there'}}}}");

    String yaml = CanonicalYaml.render(node);

    assertThat(new YAMLMapper().readTree(yaml)).isEqualTo(node);
    assertThat(yaml).contains("text: |\n  line one\n  line two\n");
  }

  @Test
  void marksPlaceholdersAndReferencesToCreatedObjectsAsKnownAfterApply() {
    JsonNode flag =
        json(
            "{'groups':[{'properties':[{'type':'cohort','key':'id','operator':'in','value':{'$ref':'Cohort/Pilot users'}},"
                + "{'type':'cohort','key':'id','operator':'in','value':{'cohort':'New cohort'}},"
                + "{'type':'cohort','key':'id','operator':'in','value':{'cohort':'Old cohort'}}]}]}");

    var lines = CanonicalYaml.lines(flag, Set.of(new Address(TestKinds.COHORT, "New cohort")));

    assertThat(lines)
        .extracting(YamlLine::text)
        .containsExactly(
            "groups:",
            "  - properties:",
            "      - {type: cohort, key: id, operator: in, value: {cohort: Pilot users}}   # id known after apply",
            "      - {type: cohort, key: id, operator: in, value: {cohort: New cohort}}   # id known after apply",
            "      - {type: cohort, key: id, operator: in, value: {cohort: Old cohort}}");
    assertThat(lines.get(2).path()).isEqualTo("groups[0].properties[0]");
  }

  @Test
  void breaksFlowObjectsThatWouldMakeLongLinesIntoBlocks() {
    JsonNode filter =
        json(
            "{'values':[{'type':'person','key':'email','operator':'exact','value':["
                + "'a-long-address@example.com','b-long-address@example.com','c-long-address@example.com']}]}");

    assertThat(CanonicalYaml.render(filter))
        .startsWith("values:\n  - type: person\n    key: email\n");
  }
}
