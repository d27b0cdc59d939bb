//! `Plan`'s Tim RB: each method checks the member with `team` and runs the change as one
//! transaction and one undo step. The rules are `team`'s.

use crate::error::Result;
use crate::ids::AnggotaId;
use crate::model::Anggota;
use crate::plan::Plan;
use crate::team::{self, AnggotaInput};
use crate::undo::Op;

impl Plan {
    pub fn team(&self) -> Result<Vec<Anggota>> {
        team::list(self.db())
    }

    pub fn add_anggota(&mut self, input: &AnggotaInput) -> Result<AnggotaId> {
        let a = team::clean(input)?;
        self.transact(Op::AddAnggota, |tx, now| team::add(tx, now, &a))
    }

    pub fn update_anggota(&mut self, id: AnggotaId, input: &AnggotaInput) -> Result<()> {
        let a = team::clean(input)?;
        self.transact(Op::UpdateAnggota, |tx, now| team::update(tx, now, id, &a))
    }

    pub fn delete_anggota(&mut self, id: AnggotaId) -> Result<()> {
        self.transact(Op::DeleteAnggota, |tx, _| team::delete(tx, id))
    }

    /// Move a member to `index` in the team list.
    pub fn move_anggota(&mut self, id: AnggotaId, index: usize) -> Result<()> {
        self.transact(Op::MoveAnggota, |tx, now| team::move_to(tx, now, id, index))
    }

    /// Names a penanggung jawab can be chosen from: the team's Pokja names, then those already
    /// used in the plan, each once, in that order.
    pub fn pokja_names(&self) -> Result<Vec<String>> {
        team::pokja_names(self.db())
    }
}
