#include "domain/authorities.h"

#include <array>

namespace lges {
namespace {

constexpr std::array<AuthorityInfo, 22> kAuthorities = {{
    {"W06000001", "Isle of Anglesey", "Ynys Môn",
     "Isle of Anglesey County Council"},
    {"W06000002", "Gwynedd", "Gwynedd", "Gwynedd Council (Cyngor Gwynedd)"},
    {"W06000003", "Conwy", "Conwy", "Conwy County Borough Council"},
    {"W06000004", "Denbighshire", "Sir Ddinbych",
     "Denbighshire County Council"},
    {"W06000005", "Flintshire", "Sir y Fflint", "Flintshire County Council"},
    {"W06000006", "Wrexham", "Wrecsam", "Wrexham County Borough Council"},
    {"W06000008", "Ceredigion", "Ceredigion", "Ceredigion County Council"},
    {"W06000009", "Pembrokeshire", "Sir Benfro",
     "Pembrokeshire County Council"},
    {"W06000010", "Carmarthenshire", "Sir Gaerfyrddin",
     "Carmarthenshire County Council"},
    {"W06000011", "Swansea", "Abertawe", "City and County of Swansea Council"},
    {"W06000012", "Neath Port Talbot", "Castell-nedd Port Talbot",
     "Neath Port Talbot County Borough Council"},
    {"W06000013", "Bridgend", "Pen-y-bont ar Ogwr",
     "Bridgend County Borough Council"},
    {"W06000014", "Vale of Glamorgan", "Bro Morgannwg",
     "Vale of Glamorgan Council"},
    {"W06000015", "Cardiff", "Caerdydd",
     "Cardiff Council (City of Cardiff Council)"},
    {"W06000016", "Rhondda Cynon Taf", "Rhondda Cynon Taf",
     "Rhondda Cynon Taf County Borough Council"},
    {"W06000018", "Caerphilly", "Caerffili",
     "Caerphilly County Borough Council"},
    {"W06000019", "Blaenau Gwent", "Blaenau Gwent",
     "Blaenau Gwent County Borough Council"},
    {"W06000020", "Torfaen", "Torfaen", "Torfaen County Borough Council"},
    {"W06000021", "Monmouthshire", "Sir Fynwy", "Monmouthshire County Council"},
    {"W06000022", "Newport", "Casnewydd", "Newport City Council"},
    {"W06000023", "Powys", "Powys", "Powys County Council"},
    {"W06000024", "Merthyr Tydfil", "Merthyr Tudful",
     "Merthyr Tydfil County Borough Council"},
}};

}  // namespace

std::span<const AuthorityInfo> Authorities() { return kAuthorities; }

const AuthorityInfo* FindAuthority(std::string_view gss_code) {
  for (const AuthorityInfo& a : kAuthorities) {
    if (a.gss_code == gss_code) return &a;
  }
  return nullptr;
}

}  // namespace lges
