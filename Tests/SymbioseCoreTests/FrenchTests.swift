import SymbioseCore
import Testing

/// French as a French reader writes it in sentences built from names.
@Suite struct FrenchTests {
    @Test(arguments: [
        ("Le Relais", "du Relais"), ("Les Serres de Bucy", "des Serres de Bucy"), ("La Fromagerie", "de la Fromagerie"),
        ("L'Atelier", "de l'Atelier"), ("Intersnack", "d'Intersnack"), ("Entreprise A", "de l'entreprise A"),
        ("Saica Paper", "de Saica Paper"), ("Haras de la forêt", "du Haras de la forêt"),
        ("Centre de tri du Soissonnais", "du Centre de tri du Soissonnais"),
        ("GAEC des Trois Vallées", "du GAEC des Trois Vallées"),
        ("Scierie de la forêt de Retz", "de la Scierie de la forêt de Retz"),
        ("Entrepôt frigorifique", "de l'Entrepôt frigorifique"),
        ("SAS Méthanisation du Valois", "de la SAS Méthanisation du Valois"),
        ("Transports Leroy", "des Transports Leroy"),
        ("Pépinières de Chacrise", "des Pépinières de Chacrise"), ("Tereos sucrerie", "de Tereos sucrerie"),
    ])
    func ofAName(name: String, expected: String) {
        #expect(ReasonWriter.of(name) == expected)
    }

    @Test func monthsElide() {
        #expect(MonthNames.period(MonthSet([10, 11, 12, 1, 2, 3, 4]), language: .fr) == "d'octobre à avril")
        #expect(MonthNames.period(MonthSet([4, 5, 6]), language: .fr) == "d'avril à juin")
        #expect(MonthNames.period(MonthSet([9, 10]), language: .fr) == "de septembre à octobre")
        #expect(MonthNames.period(MonthSet([10, 11, 12, 1, 2, 3, 4]), language: .en) == "October–April")
    }
}
