/// The typical flows of a kind of site, used to generate synthetic territories.
///
/// Intensities are per employee and per year, in the unit given; they are orders of magnitude
/// for realistic-looking data, not statistics (see `Docs/generator.md`).
public struct SectorArchetype: Sendable {
    public var naf: String
    public var label: String
    /// How common the sector is among industrial sites, relative to the others.
    public var weight: Double
    /// Median headcount and spread (lognormal).
    public var employees: Double
    public var flows: [FlowTemplate]

    public struct FlowTemplate: Sendable {
        public var direction: FlowDirection
        public var resource: String
        public var perEmployee: Double
        public var unit: QuantityUnit
        public var months: [Int]?
        public var temperature: Double?
        public var medium: HeatMedium?
        public var status: OutputStatus?
        /// The chance that a site of the sector has this flow.
        public var probability: Double

        public init(
            _ direction: FlowDirection, _ resource: String, _ perEmployee: Double, _ unit: QuantityUnit,
            months: [Int]? = nil, temperature: Double? = nil, medium: HeatMedium? = nil, status: OutputStatus? = nil,
            probability: Double = 1
        ) {
            self.direction = direction
            self.resource = resource
            self.perEmployee = perEmployee
            self.unit = unit
            self.months = months
            self.temperature = temperature
            self.medium = medium
            self.status = status
            self.probability = probability
        }
    }

    static func out(
        _ resource: String, _ perEmployee: Double, _ unit: QuantityUnit = .tonne, months: [Int]? = nil,
        temperature: Double? = nil, medium: HeatMedium? = nil, status: OutputStatus = .byProduct, p: Double = 1
    ) -> FlowTemplate {
        FlowTemplate(
            .output, resource, perEmployee, unit, months: months, temperature: temperature, medium: medium,
            status: status, probability: p)
    }

    static func need(
        _ resource: String, _ perEmployee: Double, _ unit: QuantityUnit = .tonne, months: [Int]? = nil,
        temperature: Double? = nil, medium: HeatMedium? = nil, p: Double = 1
    ) -> FlowTemplate {
        FlowTemplate(
            .input, resource, perEmployee, unit, months: months, temperature: temperature, medium: medium,
            probability: p)
    }

    static let campaign = [9, 10, 11, 12, 1]
    static let harvest = [7, 8]
    static let heating = [10, 11, 12, 1, 2, 3, 4]

    /// The sectors of a generated territory: the activities of the Soissonnais-Valois and the
    /// usual partners of industrial symbioses.
    public static let all: [SectorArchetype] = [
        SectorArchetype(
            naf: "01.11Z", label: "arable farm", weight: 14, employees: 3,
            flows: [
                out("material.agri.straw", 300, months: harvest, status: .surplus, p: 0.8),
                out("material.agri.crop-residues", 150, months: [9, 10], status: .surplus, p: 0.4),
                need("material.amendment.lime", 60, months: [8, 9], p: 0.6),
                need("material.amendment.organic-fertiliser", 400, months: [2, 3, 8], p: 0.6),
            ]),
        SectorArchetype(
            naf: "01.41Z", label: "dairy farm", weight: 6, employees: 3,
            flows: [
                out("material.agri.manure", 800, status: .byProduct),
                out("material.agri.slurry", 1200, .cubicMetre, status: .byProduct, p: 0.6),
                need("material.feed", 400, p: 0.8),
                need("material.agri.bedding", 150, p: 0.7),
            ]),
        SectorArchetype(
            naf: "10.81Z", label: "sugar factory", weight: 0.4, employees: 180,
            flows: [
                out("material.food.beet-pulp", 600, months: campaign),
                out("material.food.lime-sludge", 130, months: campaign),
                out(
                    "heat.warm-water", 150, .megawattHour, months: campaign, temperature: 45, medium: .water,
                    status: .surplus),
                need("heat.steam", 110, .megawattHour, months: campaign, temperature: 180, medium: .steam),
                need("material.mineral.limestone", 240, months: campaign),
            ]),
        SectorArchetype(
            naf: "10.31Z", label: "potato processing", weight: 1, employees: 200,
            flows: [
                out("material.food.potato-peel", 110),
                out("material.food.starch", 15, p: 0.7),
                out("material.food.off-spec", 6),
                need("water.process", 1500, .cubicMetre),
                need("service.purchasing.energy", 150, .megawattHour, p: 0.6),
            ]),
        SectorArchetype(
            naf: "10.51C", label: "dairy", weight: 2, employees: 40,
            flows: [
                out("material.food.whey", 120, .cubicMetre),
                out("heat.refrigeration", 20, .megawattHour, temperature: 45, medium: .water, status: .surplus, p: 0.5),
                need("heat.hot-water", 40, .megawattHour, temperature: 65, medium: .water),
                need("service.storage.cold", 5, .squareMetre, p: 0.4),
            ]),
        SectorArchetype(
            naf: "11.05Z", label: "brewery", weight: 1.5, employees: 12,
            flows: [
                out("material.food.spent-grains", 25),
                out("material.food.yeast", 1),
                need("material.gas.co2.food-grade", 1.2),
            ]),
        SectorArchetype(
            naf: "23.13Z", label: "glassworks", weight: 0.3, employees: 150,
            flows: [
                out("heat.flue-gas", 200, .megawattHour, temperature: 450, medium: .flueGas, status: .surplus),
                out("material.paper.cardboard", 2, status: .waste),
                need("material.glass.cullet", 650),
                need("energy.natural-gas", 1700, .megawattHour),
            ]),
        SectorArchetype(
            naf: "17.12Z", label: "paper mill", weight: 0.4, employees: 120,
            flows: [
                out("material.paper.rejects", 110, status: .waste),
                out("material.paper.sludge", 150, status: .waste),
                out("heat.warm-water", 300, .megawattHour, temperature: 40, medium: .water, status: .surplus),
                need("material.paper.fibre", 2700),
                need("heat.steam", 2000, .megawattHour, temperature: 170, medium: .steam),
            ]),
        SectorArchetype(
            naf: "17.21A", label: "board maker", weight: 1, employees: 100,
            flows: [
                out("material.paper.cardboard", 40),
                out("material.wood.pallets", 3, status: .surplus, p: 0.6),
                need("heat.steam", 150, .megawattHour, temperature: 185, medium: .steam),
                need("material.food.starch", 8, p: 0.7),
            ]),
        SectorArchetype(
            naf: "25.62B", label: "machining", weight: 9, employees: 25,
            flows: [
                out("material.metal.steel-scrap", 3, status: .byProduct),
                out("material.metal.swarf", 0.8, status: .waste, p: 0.6),
                out("service.equipment.machining", 10, .hour, p: 0.3),
                need("service.collection.hazardous", 0.2, p: 0.6),
                need("service.skills.welding", 8, .hour, p: 0.3),
            ]),
        SectorArchetype(
            naf: "22.23Z", label: "plastics joinery", weight: 3, employees: 40,
            flows: [
                out("material.plastic.pvc", 2.5),
                out("material.paper.cardboard", 0.6, status: .waste, p: 0.7),
                need("material.plastic.recycled", 3, p: 0.5),
            ]),
        SectorArchetype(
            naf: "16.10A", label: "sawmill", weight: 2, employees: 15,
            flows: [
                out("material.wood.sawdust", 150),
                out("material.wood.bark", 100, p: 0.8),
                out("material.wood.untreated", 200),
                need("heat.drying", 150, .megawattHour, temperature: 75, medium: .air, p: 0.6),
            ]),
        SectorArchetype(
            naf: "38.32Z", label: "waste sorting", weight: 1, employees: 30,
            flows: [
                out("material.glass.cullet", 200),
                out("material.paper.cardboard", 150),
                out("material.residual", 200, status: .waste),
                out("service.collection.mixed", 100, p: 0.5),
            ]),
        SectorArchetype(
            naf: "37.00Z", label: "wastewater plant", weight: 1.5, employees: 8,
            flows: [
                out("water.wastewater.treated", 200_000, .cubicMetre, status: .surplus),
                out("material.sludge.sewage", 500, status: .waste),
            ]),
        SectorArchetype(
            naf: "35.30Z", label: "heat network", weight: 0.5, employees: 8,
            flows: [
                need("heat.hot-water", 2500, .megawattHour, temperature: 90, medium: .water),
                need("energy.biomass.wood-chips", 500, p: 0.6),
                out("material.mineral.wood-ash", 40, status: .waste, p: 0.6),
            ]),
        SectorArchetype(
            naf: "43.12A", label: "earthworks", weight: 6, employees: 25,
            flows: [
                out("material.construction.inert", 400, status: .waste),
                out("material.construction.excavated-soil", 600, status: .waste, p: 0.6),
                need("material.construction.aggregates", 800),
            ]),
        SectorArchetype(
            naf: "86.10Z", label: "hospital", weight: 0.6, employees: 600,
            flows: [
                out("material.organic.food-waste", 0.3, status: .waste),
                need("heat.hot-water", 15, .megawattHour, temperature: 80, medium: .water),
                need("service.collection.biowaste", 0.3, p: 0.5),
                need("service.purchasing.energy", 35, .megawattHour, p: 0.6),
            ]),
        SectorArchetype(
            naf: "52.10B", label: "warehouse", weight: 4, employees: 40,
            flows: [
                out("service.storage.covered", 50, .squareMetre, p: 0.5),
                out("material.wood.pallets", 4, status: .surplus),
                out("material.plastic.pe-film", 0.8, status: .waste),
                need("service.skills.training", 3, .hour, p: 0.5),
            ]),
        SectorArchetype(
            naf: "49.41A", label: "haulier", weight: 5, employees: 30,
            flows: [
                out("service.transport.truck", 200, p: 0.8),
                need("service.skills.training", 3, .hour, p: 0.5),
            ]),
        SectorArchetype(
            naf: "45.20A", label: "garage", weight: 8, employees: 8,
            flows: [
                out("material.oil.used-mineral", 1, status: .waste),
                out("material.rubber.tyres", 3, status: .waste, p: 0.7),
                need("service.collection.hazardous", 1, p: 0.7),
            ]),
        SectorArchetype(
            naf: "26.12Z", label: "electronics", weight: 1, employees: 100,
            flows: [
                out("material.electronics.pcb-scrap", 0.15, status: .waste),
                out("material.paper.cardboard", 0.7, status: .waste),
                need("material.gas.nitrogen", 1),
            ]),
        SectorArchetype(
            naf: "01.13Z", label: "greenhouse", weight: 0.8, employees: 20,
            flows: [
                need(
                    "heat.hot-water", 400, .megawattHour, months: [9, 10, 11, 12, 1, 2, 3, 4], temperature: 40,
                    medium: .water),
                need("material.gas.co2.greenhouse", 50, months: [3, 4, 5, 6, 7, 8, 9]),
                need("water.irrigation", 1500, .cubicMetre),
            ]),
    ]
}
