from enum import StrEnum

class Domain(StrEnum):
    ADVANCED_COMMUNICATIONS = "advanced_communications"
    AEROSPACE = "aerospace"
    AGRITECH = "agritech"
    AI = "ai"
    BIOMEDICINE = "biomedicine"
    BLOCKCHAIN = "blockchain"
    ENERGY_STORAGE = "energy_storage"
    ENVIRONMENTAL_TECH = "environmental_tech"
    INDUSTRIAL_SOFTWARE = "industrial_software"
    INTEGRATED_CIRCUITS = "integrated_circuits"
    INTELLIGENT_MANUFACTURING = "intelligent_manufacturing"
    INTELLIGENT_VEHICLES = "intelligent_vehicles"
    MEDICAL_DEVICES = "medical_devices"
    NEW_ENERGY = "new_energy"
    NEW_MATERIALS = "new_materials"
    PHOTONICS = "photonics"
    QUANTUM = "quantum"
    ROBOTICS = "robotics"

    def __str__(self) -> str:
        return str(self.value)
