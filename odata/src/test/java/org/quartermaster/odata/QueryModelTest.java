package org.quartermaster.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class QueryModelTest {

    @Test
    void topLevelPropertiesAreSelectableNavigationPathsAreNot() {
        assertThat(GraphModels.ASSIGNMENTS.selectableProperties()).containsExactly("id", "state", "status", "expiredDateTime", "schedule");
    }

    @Test
    void expandablePathsAreExposed() {
        assertThat(GraphModels.ACCESS_PACKAGES.expandablePaths()).contains("resourceRoleScopes/role", "catalog");
    }

    @Test
    void defaultOrderByIsRequired() {
        assertThatThrownBy(() -> QueryModel.builder("x").property("id", "id", PropertyType.GUID).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("defaultOrderBy");
    }

    @Test
    void enumPropertiesMustBeDeclaredWithTheirValues() {
        assertThatThrownBy(() -> QueryModel.builder("x").property("state", "state", PropertyType.ENUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enumProperty");
        assertThatThrownBy(() -> QueryModel.builder("x").enumProperty("state", "state", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryModel.builder("x").enumProperty("state", "state", List.of("on", "ON")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats");
    }

    @Test
    void duplicatePropertiesIgnoringCaseAreRejected() {
        assertThatThrownBy(() -> QueryModel.builder("x").property("id", "id", PropertyType.GUID)
                .property("ID", "other", PropertyType.GUID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declared twice");
    }

    @Test
    void malformedPathsAndBlankSqlAreRejected() {
        assertThatThrownBy(() -> QueryModel.builder("x").property("a b", "a", PropertyType.STRING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryModel.builder("x").property("a/", "a", PropertyType.STRING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryModel.builder("x").property("a", " ", PropertyType.STRING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sortableMustNameADeclaredProperty() {
        assertThatThrownBy(() -> QueryModel.builder("x").property("id", "id", PropertyType.GUID).sortable("name")
                .defaultOrderBy("id").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'name'");
    }

    @Test
    void nestedExpandNeedsItsParent() {
        assertThatThrownBy(() -> QueryModel.builder("x").expandable("scopes/role").defaultOrderBy("id").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("parent 'scopes'");
    }

    @Test
    void selectableAcceptsOnlyTopLevelNamesAndToleratesRepeats() {
        assertThatThrownBy(() -> QueryModel.builder("x").selectable("a/b")).isInstanceOf(IllegalArgumentException.class);
        QueryModel model = QueryModel.builder("x").property("id", "id", PropertyType.GUID).selectable("id", "extra")
                .defaultOrderBy("id").build();
        assertThat(model.selectableProperties()).containsExactly("id", "extra");
    }

    @Test
    void lookupsIgnoreCaseAndReturnTheDeclaredSpelling() {
        assertThat(GraphModels.ASSIGNMENTS.property("TARGET/OBJECTID")).get()
                .extracting(QueryProperty::path).isEqualTo("target/objectId");
        assertThat(GraphModels.ACCESS_PACKAGES.expandablePath("RESOURCEROLESCOPES/ROLE")).contains("resourceRoleScopes/role");
    }
}
