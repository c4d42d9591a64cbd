package cn.gov.eqq.govinfo.adoption.record.domain;

/**
 * One thing intake said about an item, in the words this service keeps: received (with its unit, title and
 * major-emergency flag), submitted, voided, forwarded to the city, or anything else, of which only the unit matters.
 * Each change knows how it moves the {@link ItemFacts} held.
 */
public sealed interface ItemFactChange {

    ItemFacts applyTo(ItemFacts facts);

    /** The room received a revision: its unit, title and major-emergency flag are now the item's. */
    record Received(String unitId, String title, boolean majorEmergency) implements ItemFactChange {
        @Override
        public ItemFacts applyTo(ItemFacts facts) {
            return facts.receivedAs(unitId, title, majorEmergency);
        }
    }

    /** The unit submitted a revision: its title is kept only until a revision is received. */
    record Submitted(String unitId, String title) implements ItemFactChange {
        @Override
        public ItemFacts applyTo(ItemFacts facts) {
            return facts.received() ? facts : facts.submitted(unitId, title);
        }
    }

    /** The room voided the item. */
    record Voided(String unitId) implements ItemFactChange {
        @Override
        public ItemFacts applyTo(ItemFacts facts) {
            return facts.voidedNow(unitId);
        }
    }

    /** The room forwarded the item to the city. */
    record Forwarded(String unitId) implements ItemFactChange {
        @Override
        public ItemFacts applyTo(ItemFacts facts) {
            return facts.forwarded(unitId);
        }
    }

    /** Anything else intake says of the item (returned, corrected, kinds added later): only its unit is kept. */
    record Other(String unitId) implements ItemFactChange {
        @Override
        public ItemFacts applyTo(ItemFacts facts) {
            return facts.unitId() == null ? facts.submitted(unitId, facts.title()) : facts;
        }
    }
}
